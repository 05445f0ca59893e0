import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const a = await PGlite.create('memory://'); console.log('first', Date.now()-t);
const dump = await a.dumpDataDir('none'); console.log('dump size', dump.size, Date.now()-t);
for (let i=0;i<3;i++){ t=Date.now(); const b = await PGlite.create({loadDataDir: dump}); await b.query('select 1'); console.log('from dump', Date.now()-t, Math.round(process.memoryUsage().rss/1e6)); }
const dir='/tmp/pgl-reopen-'+Date.now(); t=Date.now(); let c=await PGlite.create(dir); await c.close(); console.log('disk new', Date.now()-t);
t=Date.now(); c=await PGlite.create(dir); console.log('disk reopen', Date.now()-t);

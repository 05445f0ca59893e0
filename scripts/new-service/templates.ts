import type { AccessRule } from '@emporium/contracts';

/** What a template needs: the service's name (lower case), its port and its gateway access rules. */
export interface TemplateInput {
  name: string;
  port: number;
  access: readonly AccessRule[];
}

const accessLiteral = (rules: readonly AccessRule[]) =>
  rules.map((r) => `    { methods: ${r.methods === '*' ? "'*'" : JSON.stringify(r.methods).replace(/"/g, "'")}, path: '${r.path}', access: ${typeof r.access === 'string' ? `'${r.access}'` : `needs('${r.access.permission}')`} },\n`).join('');

/** packages/contracts/src/services/<name>.ts */
export const manifestFile = ({ name, port, access }: TemplateInput) => `import { ${access.some((r) => typeof r.access === 'object') ? 'needs, ' : ''}type ServiceManifest } from './manifest.ts';

export const ${name}Manifest = {
  name: '${name}',
  port: ${port},
  summary: 'TODO: what ${name} owns',
  status: 'running',
  calls: [],
  publishes: [],
  consumes: [],
  access: [
${accessLiteral(access)}  ],
} as const satisfies ServiceManifest;
`;

/** Files under services/<name>/, by path. */
export function serviceFiles({ name, port }: TemplateInput): Record<string, string> {
  return {
    'package.json': `{
  "name": "@emporium/${name}",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "exports": { ".": "./src/app.ts" },
  "dependencies": {
    "@emporium/contracts": "0.1.0",
    "@emporium/kit": "0.1.0"
  }
}
`,
    'README.md': `# ${name}

TODO: what this service owns. Port ${port}. Its manifest (port, calls, events, gateway access rules)
is \`packages/contracts/src/services/${name}.ts\`; see CONTRIBUTING.md for the layout.

## Routes

| method and path | who | what |
|---|---|---|
| \`POST /${name}/notes\` \`{text}\` | signed-in user (manifest rule) | stores a note; 201 with \`{id, text, words, createdAt}\`, 400 problem+json for an empty or overlong text |
| \`GET /${name}/notes/{id}\` | signed-in user | the note, or 404 problem+json |

Through the gateway: \`/api/v1/${name}/...\`. Plus \`/health\`, \`/ready\`, \`/metrics\`, \`/openapi.json\` from the kit.

## Events

Publishes: none yet. Consumes: none yet. (Declare them in the manifest, with schemas in
\`packages/contracts/src/events.ts\`.)

## Settings

The kit's shared settings (root README) and:

| variable | default | what |
|---|---|---|
| \`NOTE_MAX_LENGTH\` | 2000 | longest note text accepted |
`,
    'src/main.ts': `import { runMain } from '@emporium/kit';
import { service } from './app.ts';

await runMain(service);
`,
    'src/app.ts': `import { fileURLToPath } from 'node:url';
import { createServiceApp, loadConfig, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { ${name}Manifest } from '@emporium/contracts';
import { configSchema } from './config.ts';
import { NoteStore } from './db/note-store.ts';
import { NotesService } from './notes-service.ts';
import { registerNoteRoutes } from './routes/notes.ts';

export async function buildApp(deps: ServiceDeps) {
  const config = loadConfig(configSchema, deps.env);
  const app = await createServiceApp(deps);
  const notes = new NotesService(new NoteStore(deps.db), config.NOTE_MAX_LENGTH);
  registerNoteRoutes(app, notes);
  return app;
}

export const service: ServiceModule = {
  name: ${name}Manifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};
`,
    'src/config.ts': `import { z } from 'zod';

/** The service's own settings (on top of the kit's base ones). */
export const configSchema = z.object({
  NOTE_MAX_LENGTH: z.coerce.number().int().positive().default(2000),
});
`,
    'src/domain/note.ts': `/** Domain logic: pure, no I/O. Routes and stores never decide what a note is. */
export interface Note {
  id: string;
  text: string;
  words: number;
  createdAt: Date;
}

/** A new note from what the user typed: surrounding space trimmed, words counted. */
export function draftNote(id: string, text: string, now: Date): Note {
  const trimmed = text.trim();
  return { id, text: trimmed, words: trimmed ? trimmed.split(/\\s+/).length : 0, createdAt: now };
}
`,
    'src/notes-service.ts': `import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '@emporium/kit';
import { draftNote, type Note } from './domain/note.ts';
import type { NoteStore } from './db/note-store.ts';

/** The use cases (application layer): routes call these; they use the domain and the store. */
export class NotesService {
  constructor(
    private readonly store: NoteStore,
    private readonly maxLength: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(text: string): Promise<Note> {
    const note = draftNote(randomUUID(), text, this.clock());
    if (!note.text) throw badRequest('text must not be blank', { field: 'text' });
    if (note.text.length > this.maxLength) throw badRequest(\`text is longer than \${this.maxLength} characters\`, { field: 'text' });
    await this.store.insert(note);
    return note;
  }

  async read(id: string): Promise<Note> {
    const note = await this.store.find(id);
    if (!note) throw notFound(\`No note \${id}\`);
    return note;
  }
}
`,
    'src/routes/schemas.ts': `import { z } from 'zod';

export const noteIdParams = z.object({ id: z.uuid() });
export const createNoteBody = z.object({ text: z.string().max(100_000) });
export const noteSchema = z.object({ id: z.uuid(), text: z.string(), words: z.number().int(), createdAt: z.iso.datetime() });
`,
    'src/routes/notes.ts': `import type { ServiceApp } from '@emporium/kit';
import type { Note } from '../domain/note.ts';
import type { NotesService } from '../notes-service.ts';
import { createNoteBody, noteIdParams, noteSchema } from './schemas.ts';

const noteDto = (note: Note) => ({ ...note, createdAt: note.createdAt.toISOString() });

/** Public routes (through the gateway as /api/v1/${name}/...): thin, each one use case. */
export function registerNoteRoutes(app: ServiceApp, notes: NotesService): void {
  app.post('/${name}/notes', { schema: { body: createNoteBody, response: { 201: noteSchema } } }, async (request, reply) =>
    reply.code(201).send(noteDto(await notes.create(request.body.text))),
  );

  app.get('/${name}/notes/:id', { schema: { params: noteIdParams, response: { 200: noteSchema } } }, async (request) => noteDto(await notes.read(request.params.id)));
}
`,
    'src/db/schema.ts': `import { pgTable, uuid, text, integer, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle's view of the tables; the SQL migrations in ./migrations create them. */
export const notes = pgTable('notes', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
  words: integer('words').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
`,
    'src/db/migrations/0001_init.sql': `CREATE TABLE notes (
  id uuid PRIMARY KEY,
  text text NOT NULL,
  words integer NOT NULL,
  created_at timestamptz NOT NULL
);
`,
    'src/db/note-store.ts': `import { eq } from 'drizzle-orm';
import type { Db } from '@emporium/kit';
import type { Note } from '../domain/note.ts';
import { notes } from './schema.ts';

/** Persistence behind the use cases. */
export class NoteStore {
  constructor(private readonly db: Db) {}

  async insert(note: Note): Promise<void> {
    await this.db.insert(notes).values(note);
  }

  async find(id: string): Promise<Note | undefined> {
    const [row] = await this.db.select().from(notes).where(eq(notes.id, id));
    return row;
  }
}
`,
    'src/events/README.md': `Events this service publishes (written with the kit's \`writeEvent\` inside the use case's
transaction) and consumes (\`deps.bus.subscribe\` with \`handleOnce\`) live here. Declare each one in
the manifest (\`publishes\` / \`consumes\`) with its schema in \`packages/contracts/src/events.ts\`.
`,
    [`test/${name}.test.ts`]: `import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { draftNote } from '../src/domain/note.ts';

let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([service], { env: { ${name}: { NOTE_MAX_LENGTH: '20' } } });
  api = apiClient(platform.url('${name}'));
});
after(() => platform.stop());

test('draftNote trims and counts words', () => {
  const note = draftNote('n1', '  two \\n words ', new Date(0));
  assert.equal(note.text, 'two \\n words');
  assert.equal(note.words, 2);
});

test('a note is stored and read back', async () => {
  const created = await api.post('/${name}/notes', { text: ' hello there ' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.words, 2);
  const read = await api.get(\`/${name}/notes/\${created.body.id}\`);
  assert.equal(read.status, 200);
  assert.equal(read.body.text, 'hello there');
});

test('bad input is a 400 problem naming it; an unknown note is 404', async () => {
  for (const text of ['   ', 'x'.repeat(21)]) {
    const refused = await api.post('/${name}/notes', { text });
    assert.equal(refused.status, 400);
    assert.match(refused.headers.get('content-type') ?? '', /application\\/problem\\+json/);
  }
  assert.equal((await api.get('/${name}/notes/00000000-0000-4000-8000-000000000000')).status, 404);
});
`,
  };
}

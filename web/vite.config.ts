import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev -w web`: Vite on :5173 with the platform's paths proxied to the gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(['/api', '/docs', '/.well-known'].map((path) => [path, { target: gateway, changeOrigin: true }])),
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});

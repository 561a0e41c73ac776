import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and builds into dist/web, which the server serves with an
// index.html fallback. In development, `npm run dev:web` proxies the API to a running server.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': { target: process.env.TANDEM_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});

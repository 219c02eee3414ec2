import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', 'pg'],
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds: not twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // A register upload may be up to 20 MB (issue 10 §2; lib/import/read-file.ts refuses more):
    // room for it and its multipart envelope, through the proxy and in a server action.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

export default nextConfig;

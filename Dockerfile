# CTO Tracker production image: multi-stage, runs as a non-root user.
# Used by docker-compose.yml; the project's own scripts never need Docker.

# Node 24: the maintained LTS (Node 20 reached its end of life in April 2026).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
# Every interface inside the container (docker-compose.yml publishes the port). AUTH_URL must be
# set to the address people use (lib/env.ts refuses to start without it in production).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
RUN groupadd --system cto && useradd --system --gid cto --home /app cto \
  && mkdir -p /var/lib/cto-tracker && chown cto:cto /var/lib/cto-tracker
COPY --from=build --chown=cto:cto /app/package.json /app/package-lock.json ./
COPY --from=build --chown=cto:cto /app/node_modules ./node_modules
COPY --from=build --chown=cto:cto /app/.next ./.next
COPY --from=build --chown=cto:cto /app/public ./public
COPY --from=build --chown=cto:cto /app/lib ./lib
COPY --from=build --chown=cto:cto /app/prisma ./prisma
COPY --from=build --chown=cto:cto /app/scripts ./scripts
COPY --from=build --chown=cto:cto /app/next.config.ts /app/tsconfig.json /app/proxy.ts ./
USER cto
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Apply migrations (as DATABASE_OWNER_URL when set, then the app's role DATABASE_URL is granted
# its rights), then start the server as the app's role.
CMD ["sh", "-c", "node_modules/.bin/tsx scripts/migrate.ts && node node_modules/next/dist/bin/next start -p ${PORT} -H ${HOST}"]

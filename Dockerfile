# CTO Tracker production image: multi-stage, runs as a non-root user.
# Used by docker-compose.yml; the project's own scripts never need Docker.

FROM node:20-bookworm-slim AS deps
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

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
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
CMD ["sh", "-c", "node_modules/.bin/tsx scripts/migrate.ts && node node_modules/next/dist/bin/next start -p ${PORT}"]

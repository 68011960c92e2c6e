# Red Lines classroom server: the game and its classroom rooms on one port.
#   docker compose up -d        (with Redis, see compose.yaml and the README's "Running it for a school")
# Build:  docker build -t red-lines-classroom .
# Run:    docker run -p 2567:2567 -v red-lines-data:/data red-lines-classroom
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first (a layer that changes only with the lock file). Dev dependencies are kept: the server
# runs its TypeScript through tsx, and vite builds the classroom's game below.
COPY package.json package-lock.json ./
RUN npm ci --include=dev --no-audit --no-fund

COPY . .
# The classroom's build of the game, without the shipped scenarios' files (the server refuses any other).
RUN node node_modules/vite/bin/vite.js build --mode classroom --outDir dist/classroom

# Rooms and the session's admin key live in /data (with Redis, rooms live in Redis and /data keeps the key).
ENV PORT=2567 HOST=0.0.0.0 CLASSROOM_DATA=/data
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 2567
USER node

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
CMD ["node", "--import", "tsx", "scripts/classroom.ts", "--no-build"]

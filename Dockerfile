# The same image runs the server (`npm run server`) or the worker (`npm run worker`).
FROM node:22-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# No embedded PostgreSQL in containers (optional dependency): DATABASE_URL is required.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund
COPY . .
EXPOSE 3000
USER node
CMD ["npm", "run", "server"]

# Kaliber console on nginx, proxying the API. Build from the repository root:
#   docker build -f docker/console.Dockerfile -t kaliber-console .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY console/package.json console/
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build -w schema && npm run build -w console

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/console/dist/browser /usr/share/nginx/html
EXPOSE 8080

# The replica image the load-balancer specs deploy, for running them against a
# real Docker host (docs/examples/load-balancer.md):
#   docker build -t parlance/backend:latest -f drivers/load-balancer/docker-daemon/backend.Dockerfile drivers/load-balancer/docker-daemon
# The emulated daemon runs backend-server.mjs as a plain process instead.
FROM node:20-alpine
COPY backend-server.mjs /app/backend-server.mjs
ENV LISTEN_HOST=0.0.0.0 PORT=8080
EXPOSE 8080
CMD ["node", "/app/backend-server.mjs"]

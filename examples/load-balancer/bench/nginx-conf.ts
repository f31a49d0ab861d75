// The nginx configuration the benchmark compares against: as many worker
// processes as the load balancer has proxy processes, the same backends, kept-alive upstream
// connections, and the same X-Forwarded-* headers the load balancer adds.
// Node keeps a connection for any number of requests; nginx's default of 1000
// per connection is lifted to match, on both sides.

/** Where nginx listens and what it proxies to. */
export interface NginxConfOptions {
  /** Absolute directory for the pid file, logs and temp files. */
  dir: string
  port: number
  backends: ReadonlyArray<{ host: string; port: number }>
  /** Idle upstream connections kept per worker. */
  keepalive: number
  /** nginx worker processes; 1 when unset. */
  workers?: number
}

/**
 * The nginx.conf text, to run as `nginx -p dir -c conf -g 'daemon off;'`.
 *
 * @example
 *   nginxConf({ dir: '/tmp/b', port: 8080, backends: [{ host: '127.0.0.1', port: 9001 }], keepalive: 64 })
 *   // 'worker_processes 1;\npid /tmp/b/nginx.pid;\n…'
 */
export function nginxConf({ dir, port, backends, keepalive, workers = 1 }: NginxConfOptions): string {
  const servers = backends.map((backend) => `    server ${backend.host}:${backend.port};`)
  return [
    `worker_processes ${workers};`,
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events {',
    '  worker_connections 1024;',
    '}',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${dir}/client_body;`,
    `  proxy_temp_path ${dir}/proxy;`,
    `  fastcgi_temp_path ${dir}/fastcgi;`,
    `  uwsgi_temp_path ${dir}/uwsgi;`,
    `  scgi_temp_path ${dir}/scgi;`,
    '  upstream backends {',
    ...servers,
    `    keepalive ${keepalive};`,
    '    keepalive_requests 1000000;',
    '  }',
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    keepalive_requests 1000000;',
    '    location / {',
    '      proxy_pass http://backends;',
    '      proxy_http_version 1.1;',
    '      proxy_set_header Connection "";',
    '      proxy_set_header Host $http_host;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_set_header X-Forwarded-Proto $scheme;',
    '      proxy_set_header X-Forwarded-Host $http_host;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n')
}

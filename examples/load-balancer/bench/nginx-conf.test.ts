import { describe, expect, it } from 'vitest'
import { nginxConf } from './nginx-conf.ts'

describe('nginxConf', () => {
  it('runs one worker in front of the backends, keeps upstream connections alive and forwards like the LB', () => {
    const conf = nginxConf({
      dir: '/tmp/lb-bench-x',
      port: 8080,
      backends: [
        { host: '127.0.0.1', port: 40001 },
        { host: '127.0.0.1', port: 40002 },
      ],
      keepalive: 64,
    })
    expect(conf).toBe(`worker_processes 1;
pid /tmp/lb-bench-x/nginx.pid;
error_log /tmp/lb-bench-x/error.log warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  client_body_temp_path /tmp/lb-bench-x/client_body;
  proxy_temp_path /tmp/lb-bench-x/proxy;
  fastcgi_temp_path /tmp/lb-bench-x/fastcgi;
  uwsgi_temp_path /tmp/lb-bench-x/uwsgi;
  scgi_temp_path /tmp/lb-bench-x/scgi;
  upstream backends {
    server 127.0.0.1:40001;
    server 127.0.0.1:40002;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:8080;
    keepalive_requests 1000000;
    location / {
      proxy_pass http://backends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`)
  })
})

describe('nginxConf with workers', () => {
  it('runs the worker processes asked for, and only that line differs', () => {
    const options = { dir: '/tmp/b', port: 8080, backends: [{ host: '127.0.0.1', port: 40001 }], keepalive: 64 }
    const two = nginxConf({ ...options, workers: 2 })
    expect(two.split('\n')[0]).toBe('worker_processes 2;')
    expect(two.replace('worker_processes 2;', 'worker_processes 1;')).toBe(nginxConf(options))
  })
})

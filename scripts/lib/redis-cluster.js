'use strict';
/* global setTimeout, clearTimeout */
/**
 * Throwaway Redis topologies from the `redis-server` binary (no Docker), on ports the OS chooses, in a temp
 * dir, for the tests: a 3-master Redis Cluster (`startRedisCluster`) and a master + replica + sentinel
 * (`startRedisSentinel`). Each returns `stop()`, which kills what it started and removes the dir.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { findRedisServer, freePort, waitFor } = require('./redis');

/** Sends one inline command over a raw socket; resolves with the raw reply once the server goes quiet. */
function redisCommand(port, command, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buffer = '';
    let quiet;
    const done = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve(buffer);
    };
    socket.setTimeout(timeoutMs, done);
    socket.once('error', done);
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (d) => {
      buffer += d.toString();
      clearTimeout(quiet);
      quiet = setTimeout(done, 30);
    });
  });
}

function findRedisCli(serverBin) {
  const sibling = path.join(path.dirname(serverBin), 'redis-cli');
  for (const bin of [process.env.REDIS_CLI_BIN, sibling, 'redis-cli'].filter(Boolean)) {
    if (spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0) return bin;
  }
  return undefined;
}

/** Redis ≥ 7 takes `--cluster-port`; older ones use port + 10000 for the cluster bus. */
function supportsClusterPort(bin) {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout || '';
  const m = /v=(\d+)\./.exec(out);
  return m ? Number(m[1]) >= 7 : false;
}

function startProcess(bin, args, dir, name) {
  const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(bin, args, { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise((r) => child.once('exit', r));
  return {
    pid: child.pid,
    child,
    /** SIGKILL (a crash) or SIGTERM; resolves when the process is gone. */
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

const BASE_ARGS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];

async function startServer(bin, dir, name, extra) {
  const port = await freePort();
  const proc = startProcess(
    bin,
    ['--port', String(port), '--dir', dir, ...BASE_ARGS, ...extra(port)],
    dir,
    name,
  );
  const up = await waitFor(async () => (await redisCommand(port, 'PING', 300)).startsWith('+PONG'), 5000);
  if (!up) {
    await proc.kill();
    throw new Error(`${name} (redis-server on ${port}) did not answer PING; see ${dir}/${name}.log`);
  }
  return { ...proc, port, host: '127.0.0.1' };
}

/**
 * Starts `masters` cluster-enabled servers, joins them with `redis-cli --cluster create … --cluster-yes`
 * and waits until every node reports `cluster_state:ok`.
 * @returns {Promise<{ nodes: {host:string,port:number,pid:number,kill(signal?:string):Promise<void>}[], nodesEnv: string, dir: string, stop(): Promise<void> }>}
 */
async function startRedisCluster({ masters = 3 } = {}) {
  const bin = findRedisServer();
  if (!bin) throw new Error('redis-server not found (apt-get install redis-server)');
  const cli = findRedisCli(bin);
  if (!cli) throw new Error('redis-cli not found (apt-get install redis-tools)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-redis-cluster-'));
  const withBusPort = supportsClusterPort(bin);
  const nodes = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const busPort = withBusPort ? await freePort() : undefined;
      nodes.push(
        await startServer(bin, dir, `node-${i}`, (port) => [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '3000',
          ...(busPort ? ['--cluster-port', String(busPort)] : []),
        ]),
      );
    }
    const create = spawnSync(
      cli,
      [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    const ok = await waitFor(
      async () => {
        const infos = await Promise.all(nodes.map((n) => redisCommand(n.port, 'CLUSTER INFO')));
        return infos.every((i) => i.includes('cluster_state:ok'));
      },
      20_000,
      200,
    );
    if (!ok) throw new Error('the Redis Cluster did not reach cluster_state:ok within 20 s');
  } catch (e) {
    await stop();
    throw e;
  }
  return { nodes, nodesEnv: nodes.map((n) => `127.0.0.1:${n.port}`).join(','), dir, stop };
}

/**
 * One master, one replica and one sentinel monitoring them as `name` (quorum 1, down after 1 s).
 * @returns {Promise<{ name: string, master: object, replica: object, sentinel: object, sentinelsEnv: string, currentMaster(): Promise<number|undefined>, stop(): Promise<void> }>}
 */
async function startRedisSentinel({ name = 'tcb-test', downAfterMs = 1000 } = {}) {
  const bin = findRedisServer();
  if (!bin) throw new Error('redis-server not found (apt-get install redis-server)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-redis-sentinel-'));
  const started = [];
  const stop = async () => {
    await Promise.all(started.map((p) => p.kill('SIGKILL')));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const master = await startServer(bin, dir, 'master', () => []);
    started.push(master);
    const replica = await startServer(bin, dir, 'replica', () => [
      '--replicaof',
      '127.0.0.1',
      String(master.port),
    ]);
    started.push(replica);
    const linked = await waitFor(
      async () => (await redisCommand(replica.port, 'INFO replication')).includes('master_link_status:up'),
      10_000,
    );
    if (!linked) throw new Error('the replica did not connect to the master');
    const sentinelPort = await freePort();
    const conf = path.join(dir, 'sentinel.conf');
    fs.writeFileSync(
      conf,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${master.port} 1`,
        `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
        `sentinel failover-timeout ${name} 10000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    const sentinelProc = startProcess(bin, [conf, '--sentinel'], dir, 'sentinel');
    const sentinel = { ...sentinelProc, port: sentinelPort, host: '127.0.0.1' };
    started.push(sentinel);
    const currentMaster = async () => {
      const reply = await redisCommand(sentinelPort, `SENTINEL get-master-addr-by-name ${name}`);
      const m = /\r\n(\d+)\r\n$/.exec(reply);
      return m ? Number(m[1]) : undefined;
    };
    const ready = await waitFor(
      async () => {
        const replicas = await redisCommand(sentinelPort, `SENTINEL replicas ${name}`);
        return (await currentMaster()) === master.port && replicas.includes(String(replica.port));
      },
      15_000,
      200,
    );
    if (!ready) throw new Error('the sentinel did not discover the master and its replica');
    return {
      name,
      master,
      replica,
      sentinel,
      sentinelsEnv: `127.0.0.1:${sentinelPort}`,
      currentMaster,
      dir,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

module.exports = { startRedisCluster, startRedisSentinel, redisCommand };

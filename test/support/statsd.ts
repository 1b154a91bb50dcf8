import { createSocket, type Socket } from 'node:dgram';

export interface Packet {
  name: string;
  value: number;
  type: string;
  tags: Record<string, string>;
}

/** DogStatsD lines: `name:value|type|#k:v,k:v` (several per datagram, newline-separated). */
function parse(datagram: string): Packet[] {
  return datagram
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [head, type, ...rest] = line.split('|');
      const colon = head.lastIndexOf(':');
      const tagPart = rest.find((p) => p.startsWith('#'));
      const tags: Record<string, string> = {};
      for (const t of tagPart ? tagPart.slice(1).split(',') : []) {
        const i = t.indexOf(':');
        tags[t.slice(0, i)] = t.slice(i + 1);
      }
      return { name: head.slice(0, colon), value: Number(head.slice(colon + 1)), type, tags };
    });
}

export interface StatsdCapture {
  port: number;
  /** Every packet received so far, in arrival order (callers may splice it to start afresh). */
  packets: Packet[];
  close(): void;
}

/** A stand-in DogStatsD agent: a UDP listener on an ephemeral loopback port collecting packets. */
export async function startStatsdCapture(): Promise<StatsdCapture> {
  const packets: Packet[] = [];
  const udp: Socket = createSocket('udp4');
  udp.on('message', (msg) => packets.push(...parse(msg.toString('utf8'))));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  return { port: udp.address().port, packets, close: () => udp.close() };
}

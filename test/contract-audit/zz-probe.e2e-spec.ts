import { startStack } from '../support/stack';
it('probe', async () => {
  const stack = await startStack();
  const url = `${stack.bffUrl}/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=2026-12-01&pax=1`;
  await fetch(`${url}&x-api-key=${stack.demoKey}`);
  await new Promise((r) => setTimeout(r, 100));
  console.log('query leak', stack.logs.text().includes(stack.demoKey));
  for (const l of stack.logs.text().split('\n')) if (l.includes('x-api-key=')) console.log(l.slice(0, 700));
  (stack as any).close = async () => undefined;
});

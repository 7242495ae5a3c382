// A Vercel edge function, bundled the way Next.js bundles one (conditions `edge-light`, `worker`,
// `browser`) into a script and run by Vercel's edge-runtime. The matrix POSTs {baseUrl, token, tag}
// and reads the result back as JSON.
import * as sdk from 'bfinance-cards';
import * as webhooks from 'bfinance-cards/webhooks';
import { runFlow } from './flow.mjs';
import { runReceiver } from './receiver.mjs';

async function handler(request) {
  const { baseUrl, token, tag } = await request.json();
  try {
    const checks = [...(await runFlow(sdk, { baseUrl, token, tag })), ...(await runReceiver(webhooks))];
    return Response.json({ ok: true, runtime: 'edge-runtime', version: EdgeRuntime, checks });
  } catch (error) {
    return Response.json({ ok: false, error: String(error?.stack ?? error) });
  }
}

addEventListener('fetch', (event) => event.respondWith(handler(event.request)));

// A Cloudflare Worker module, bundled the way wrangler bundles it (esbuild, conditions `workerd`,
// `worker`, `browser`) and run by workerd through miniflare, without `nodejs_compat`.
// The matrix POSTs {baseUrl, token, tag} and reads the result back as JSON.
import * as sdk from 'bfinance-cards';
import * as webhooks from 'bfinance-cards/webhooks';
import { runFlow } from './flow.mjs';
import { runReceiver } from './receiver.mjs';

// biome-ignore lint/style/noDefaultExport: a Worker module's handlers are its default export.
export default {
  async fetch(request) {
    const { baseUrl, token, tag } = await request.json();
    try {
      const checks = [...(await runFlow(sdk, { baseUrl, token, tag })), ...(await runReceiver(webhooks))];
      return Response.json({ ok: true, runtime: 'workerd', version: navigator.userAgent, checks });
    } catch (error) {
      return Response.json({ ok: false, error: String(error?.stack ?? error) });
    }
  },
};

// The floor under callback_ingest: a bare express server whose one route parses the same form
// bodies and answers 204, recording nothing. Prints `listening <url>`.
import express from 'express';
import { listen } from '../../http/server.ts';

const app = express();
app.disable('x-powered-by');
app.post('/webhooks/twilio/voice/status', express.urlencoded({ extended: false }), (_req, res) => {
  res.status(204).end();
});
const server = await listen(app, { port: 0, host: '127.0.0.1' });
console.log(`listening ${server.url}`);

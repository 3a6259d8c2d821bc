// Loaded by profile-ingest.ts into the server (`--import`): the first SIGUSR2 starts V8's CPU
// profiler, the second writes the profile to ASSENT_PROFILE_OUT, so that it covers the load only.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', async () => {
  if (!running) {
    running = true;
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    return;
  }
  running = false;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.ASSENT_PROFILE_OUT, JSON.stringify(profile));
});

/**
 * `npm run verify`: recomputes every project's consent-event hash chain in the database the
 * environment names (as the server does: `DATABASE_URL`, else PGlite under `ASSENT_DATA_DIR`)
 * and exits 1 at the first broken link. With PGlite, stop the server first: one process at a time.
 *
 * `npm run verify -- --file export.ndjson [--rows-only]`: checks an NDJSON export of the Privacy
 * API on its own, without the database (consent-events/export-verification.ts); `--rows-only`
 * for a filtered export, whose rows are not consecutive.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { verifyChains } from './consent-events/chain-verification.ts';
import { verifyExport } from './consent-events/export-verification.ts';
import { openDatabase } from './db/open-database.ts';

async function verifyFile(file: string, rowsOnly: boolean) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const report = await verifyExport(lines, { rowsOnly });
  console.log(
    `File: ${file}\nChecked ${report.rows} rows` +
      (report.unchained ? ` (${report.unchained} written before the chain existed)` : '') +
      (rowsOnly ? ', each on its own' : ', and the links between them'),
  );
  if (report.broken) {
    const { line, id, reason } = report.broken;
    console.error(`BROKEN: line ${line}${id ? `, event ${id}` : ''}: ${reason}`);
    process.exitCode = 1;
  } else {
    console.log('The export is intact.');
  }
}

async function verifyDatabase() {
  const { db, location } = await openDatabase();
  try {
    const report = await verifyChains(db);
    console.log(`Database: ${location}`);
    console.log(
      `Checked ${report.events} chained events in ${report.projects} projects` +
        (report.unchained ? ` (${report.unchained} written before the chain existed)` : ''),
    );
    if (report.broken) {
      const { projectId, seq, id, reason } = report.broken;
      console.error(
        `BROKEN: project ${projectId}${seq ? `, seq ${seq}, event ${id}` : ''}: ${reason}`,
      );
      process.exitCode = 1;
    } else {
      console.log('Every chain is intact.');
    }
  } finally {
    await db.close();
  }
}

const args = process.argv.slice(2);
const fileAt = args.indexOf('--file');
if (fileAt >= 0) {
  const file = args[fileAt + 1];
  if (!file) {
    console.error('usage: npm run verify -- --file export.ndjson [--rows-only]');
    process.exitCode = 2;
  } else {
    await verifyFile(file, args.includes('--rows-only'));
  }
} else {
  await verifyDatabase();
}

/**
 * `npm run verify`: recomputes every project's consent-event hash chain in the database the
 * environment names (as the server does: `DATABASE_URL`, else PGlite under `ASSENT_DATA_DIR`)
 * and exits 1 at the first broken link. With PGlite, stop the server first: one process at a time.
 */
import { verifyChains } from './consent-events/chain-verification.ts';
import { openDatabase } from './db/open-database.ts';

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

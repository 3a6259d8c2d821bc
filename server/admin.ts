/**
 * `npm run admin -- <command>`: manages organizations, projects, allowed origins and API keys in
 * the database the environment names (as the server: `DATABASE_URL`, else PGlite under
 * `ASSENT_DATA_DIR`). With PGlite, stop the server first: one process at a time.
 */
import { ADMIN_USAGE, AdminUsageError, runAdminCommand } from './admin/commands.ts';
import { openDatabase } from './db/open-database.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === '--help') {
  console.log(ADMIN_USAGE);
} else {
  const { db } = await openDatabase();
  try {
    console.log(await runAdminCommand(db, args));
  } catch (error) {
    if (!(error instanceof AdminUsageError)) throw error;
    console.error(`${error.message}\n\n${ADMIN_USAGE}`);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}

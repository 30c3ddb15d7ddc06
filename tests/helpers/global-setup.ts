// Says loudly, once per run, which database engines the suites cover.
export default function setup() {
  if (process.env.DATABASE_URL_TEST) {
    console.log('database suites: SQLite and PostgreSQL (DATABASE_URL_TEST is set)');
  } else {
    console.log(
      '\n*** PostgreSQL suites SKIPPED: DATABASE_URL_TEST is not set. Only SQLite ran.\n' +
        '*** .ci/run starts a throwaway PostgreSQL and sets it; locally, see README "Running on PostgreSQL".\n',
    );
  }
}

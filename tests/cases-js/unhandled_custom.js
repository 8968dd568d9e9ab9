class DbError extends Error {}
async function query() { throw new DbError('down'); }
query();

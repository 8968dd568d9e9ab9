class ValidationError extends Error {
  constructor(field) {
    super(`bad ${field}`);
    this.name = 'ValidationError';
    this.field = field;
  }
}
try {
  throw new ValidationError('email');
} catch (e) {
  console.log(e.name, e.message, e.field, e instanceof ValidationError, e instanceof Error);
  console.log(String(e));
}
const err = new Error('with cause', { cause: 'root' });
console.log(err.cause, err.message);

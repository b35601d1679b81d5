// Cognito pre sign-up trigger: only listed people (or people of listed email domains) may create
// an account, including through Google. Without it, any Google account could sign in.
'use strict';

function list(name) {
  return (process.env[name] || '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
}

exports.handler = async (event) => {
  const email = String((event.request && event.request.userAttributes && event.request.userAttributes.email) || '').toLowerCase();
  const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';
  if (email && (list('ALLOWED_EMAILS').includes(email) || list('ALLOWED_EMAIL_DOMAINS').includes(domain))) {
    return event;
  }
  throw new Error('This account is not allowed to sign in. Ask an operator to add it.');
};

// Setting one's own password after an administrator's reset; then on to the service.
import { api } from './api.js';
import { replace, statusLine } from './dom.js';

document.getElementById('password-form').addEventListener('submit', async event => {
  event.preventDefault();
  const message = document.getElementById('password-message');
  try {
    await api.post('/api/account/password', { currentPassword: document.getElementById('current-password').value,
      newPassword: document.getElementById('new-password').value });
    window.location.assign('/');
  } catch (error) {
    replace(message, statusLine(error.message, 'error'));
  }
});

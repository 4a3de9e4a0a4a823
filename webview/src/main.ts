import './viewer.css';
import './components';
import { ViewerApp } from './app';
import { onHostMessage } from './vscodeApi';

const root = document.getElementById('app');
if (root) {
  const app = new ViewerApp(root);
  onHostMessage((message) => {
    app.handle(message);
  });
  app.start();
}

/** Options page entry: mounts the Preact app. */
import { render } from 'preact';
import { Options } from './Options.tsx';
import '../ui/theme.css';
import './options.css';

const root = document.getElementById('app');
if (root) render(<Options />, root);

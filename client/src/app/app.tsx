import { GraphSessionProvider } from '../features/graph';
import { AppProvider } from './provider';
import { Workbench } from './workbench';
import './app.css';

export function App() {
  return (
    <AppProvider>
      <GraphSessionProvider>
        <Workbench />
      </GraphSessionProvider>
    </AppProvider>
  );
}

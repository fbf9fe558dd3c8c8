export { HealthIndicator } from './components/health-indicator';

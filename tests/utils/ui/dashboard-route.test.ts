import { describe, expect, it } from 'vitest';
import { dashboardHash, parseDashboardRoute } from '../../../utils/ui/dashboard-route';

describe('the dashboard route', () => {
  it('reads the history, one alert’s users, and the whole list from the hash, and writes them back', () => {
    expect(parseDashboardRoute('#history')).toEqual({ view: 'history' });
    expect(parseDashboardRoute('#alert=token-expired%3Amx1-0')).toEqual({
      view: 'list',
      alertId: 'token-expired:mx1-0',
    });
    expect(parseDashboardRoute('')).toEqual({ view: 'list', alertId: null });
    expect(parseDashboardRoute('#alert=')).toEqual({ view: 'list', alertId: null });
    expect(dashboardHash({ view: 'list', alertId: 'token-expired:mx1-0' })).toBe('#alert=token-expired%3Amx1-0');
    expect(dashboardHash({ view: 'list', alertId: null })).toBe('');
  });
});

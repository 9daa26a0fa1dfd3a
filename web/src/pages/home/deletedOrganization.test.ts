import { describe, expect, it } from 'vitest';

import { deletedOrganizationOf } from './deletedOrganization';

describe('deletedOrganizationOf', () => {
  it('reads a well-typed name only', () => {
    expect(deletedOrganizationOf({ deletedOrganization: 'Acme' })).toBe('Acme');
    expect(deletedOrganizationOf({ deletedOrganization: '' })).toBeNull();
    expect(deletedOrganizationOf({ deletedOrganization: 3 })).toBeNull();
    expect(deletedOrganizationOf(null)).toBeNull();
    expect(deletedOrganizationOf('Acme')).toBeNull();
  });
});

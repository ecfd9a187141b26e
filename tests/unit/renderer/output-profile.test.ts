import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../src-core/model/document.js';
import { PROFILE_FILE, outputProfileName, withOutputProfile } from '../../../src-renderer/state/output-profile.js';
import { documentOf } from '../layout/fixtures.js';

const profile: Asset = { id: 'icc-0123456789ab', path: 'assets/icc-0123456789ab.icc', mime: 'application/vnd.iccprofile', note: 'plant output profile from plant.icc: ISOnewspaper26v4' };

describe('the document output profile', () => {
  it('is set with its asset entry, named from it, and cleared leaving the entry for redo', () => {
    const doc = documentOf([], [{ id: 'p', frames: [] }]);
    expect(outputProfileName(doc)).toBeNull();
    const set = withOutputProfile(doc, profile);
    expect(set.outputProfileAssetId).toBe(profile.id);
    expect(set.assets[profile.id]).toEqual(profile);
    expect(outputProfileName(set)).toBe('ISOnewspaper26v4');
    expect(doc.outputProfileAssetId).toBeUndefined();
    const cleared = withOutputProfile(set, null);
    expect('outputProfileAssetId' in cleared).toBe(false);
    expect(cleared.assets[profile.id]).toEqual(profile);
  });

  it('lists .icc and .icm files only', () => {
    expect(['plant.ICC', 'x.icm', 'photo.png', 'icc.txt'].filter((n) => PROFILE_FILE.test(n))).toEqual(['plant.ICC', 'x.icm']);
  });
});

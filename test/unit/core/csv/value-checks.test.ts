import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { classifyLinkedIn, isEmail } from '../../../../src/core/csv';

describe('isEmail', () => {
  it('accepts ordinary and international addresses', () => {
    for (const ok of ['ada@example.com', 'a.b+tag@sub.example.co.uk', "o'brien@example.ie", 'jürgen@müller.de', 'x@y.io']) assert.ok(isEmail(ok), ok);
  });

  it('rejects what spreadsheets get wrong', () => {
    for (const bad of ['ada(at)example.com', 'ada@example', 'ada example@x.com', 'a@b.com; c@d.com', '@example.com', 'ada@', 'ada..b@x.com', 'mailto:ada@x.com', 'ada@-x.com']) {
      assert.ok(!isEmail(bad), bad);
    }
  });
});

describe('classifyLinkedIn', () => {
  it('accepts profile URLs, nicknames and ids for a person', () => {
    for (const v of ['https://www.linkedin.com/in/ada-lovelace', 'linkedin.com/in/ada', 'http://uk.linkedin.com/in/ada/', 'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH', 'https://www.linkedin.com/sales/people/ACwAAAAKmbUB', 'https://www.linkedin.com/pub/ada/1/2/3']) {
      assert.equal(classifyLinkedIn(v, 'person'), 'url', v);
    }
    for (const v of ['ada-lovelace', '123456789', 'ACwAAAAKmbUBx_a3Rk2fkUfA', 'j%C3%BCrgen', 'urn:li:fsd_profile:ACoAAA123']) assert.equal(classifyLinkedIn(v, 'person'), 'id', v);
  });

  it('tells what else a value is', () => {
    assert.equal(classifyLinkedIn('https://linkedin.com/company/acme', 'person'), 'wrong-kind');
    assert.equal(classifyLinkedIn('https://linkedin.com/in/ada', 'company'), 'wrong-kind');
    assert.equal(classifyLinkedIn('https://www.linkedin.com/feed/', 'person'), 'not-a-profile');
    assert.equal(classifyLinkedIn('https://www.linkedin.com/in/', 'person'), 'not-a-profile');
    assert.equal(classifyLinkedIn('https://twitter.com/ada', 'person'), 'other-site');
    assert.equal(classifyLinkedIn('Ada Lovelace', 'person'), 'invalid');
    assert.equal(classifyLinkedIn('ada@example.com', 'person'), 'invalid');
  });

  it('accepts company pages for a company', () => {
    for (const v of ['https://www.linkedin.com/company/acme/', 'linkedin.com/school/mit', 'https://www.linkedin.com/sales/company/1234', 'acme-inc', '1035']) {
      assert.notEqual(['url', 'id'].indexOf(classifyLinkedIn(v, 'company')), -1, v);
    }
  });
});

import { parseEnvironment } from '../../src/config/load';
import { prod } from '../../src/config/prod';
import type { EnvironmentInput } from '../../src/config/schema';
import { staging } from '../../src/config/staging';

type Atlas = EnvironmentInput['atlas'];

function withAtlas(base: EnvironmentInput, patch: (atlas: Atlas) => Atlas, rest: Partial<EnvironmentInput> = {}): EnvironmentInput {
  return { ...base, ...rest, atlas: patch(structuredClone(base.atlas)) };
}

const errorOf = (input: EnvironmentInput, name = 'staging'): string => {
  try {
    parseEnvironment(name, input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
};

describe('atlas configuration', () => {
  test('the committed staging and prod configurations are valid', () => {
    expect(parseEnvironment('staging', staging).atlas.rds.publiclyAccessible).toBe(true);
    expect(parseEnvironment('prod', prod).atlas.rds.publiclyAccessible).toBe(false);
  });

  test.each(['0.0.0.0/0', '::/0'])('rejects %s in the RDS allow list, naming the field and the fix', (cidr) => {
    const message = errorOf(withAtlas(staging, (a) => ({ ...a, rds: { ...a.rds, allowedCidrs: ['203.0.113.0/24', cidr] } })));
    expect(message).toContain(`staging: atlas.rds.allowedCidrs.1 = "${cidr}" opens the resource to the whole internet. Fix:`);
  });

  test.each(['0.0.0.0/1', '128.0.0.0/1', '10.0.0.0/8', '203.0.0.0/15'])('rejects %s, a range wider than /16, in the RDS allow list', (cidr) => {
    const message = errorOf(withAtlas(staging, (a) => ({ ...a, rds: { ...a.rds, allowedCidrs: [cidr] } })));
    expect(message).toContain(`atlas.rds.allowedCidrs.0 = "${cidr}" is a /${cidr.split('/')[1]}, wider than /16: an allow list names the operators' own networks. Fix:`);
  });

  test.each([1, 6, 31])('rejects a secret recovery window of %i days, outside what AWS accepts', (days) => {
    const message = errorOf(withAtlas(staging, (a) => ({ ...a, secrets: { recoveryWindowInDays: days } })));
    expect(message).toContain(`atlas.secrets.recoveryWindowInDays = ${days} must be 0 (delete at once) or 7-30 days (AWS's range). Fix:`);
  });

  test('accepts 0 (delete at once) and the 7-30 day range for the secret recovery window', () => {
    for (const days of [0, 7, 30]) {
      expect(
        parseEnvironment(
          'staging',
          withAtlas(staging, (a) => ({ ...a, secrets: { recoveryWindowInDays: days } })),
        ).atlas.secrets.recoveryWindowInDays,
      ).toBe(days);
    }
  });

  test('accepts a /16 and a single address in the allow list', () => {
    const parsed = parseEnvironment(
      'staging',
      withAtlas(staging, (a) => ({ ...a, rds: { ...a.rds, allowedCidrs: ['198.51.0.0/16', '198.51.100.7/32'] } })),
    );
    expect(parsed.atlas.rds.allowedCidrs).toEqual(['198.51.0.0/16', '198.51.100.7/32']);
  });

  test('rejects the whole internet in the MSK public allow list', () => {
    const message = errorOf(withAtlas(staging, (a) => ({ ...a, msk: { ...a.msk, publicAccessCidrs: ['0.0.0.0/0'] } })));
    expect(message).toContain('atlas.msk.publicAccessCidrs.0 = "0.0.0.0/0" opens the resource to the whole internet');
  });

  test('rejects a malformed allow-list entry', () => {
    expect(errorOf(withAtlas(staging, (a) => ({ ...a, rds: { ...a.rds, allowedCidrs: ['203.0.113.7/24'] } })))).toContain(
      'atlas.rds.allowedCidrs.0 = "203.0.113.7/24" is not a network-aligned IPv4 CIDR',
    );
  });

  test('rejects a public database without an allow list', () => {
    expect(errorOf(withAtlas(staging, (a) => ({ ...a, rds: { ...a.rds, allowedCidrs: [] } })))).toContain('atlas.rds.allowedCidrs = [] is empty while publiclyAccessible is true. Fix:');
  });

  test('rejects public MSK access without an allow list', () => {
    expect(errorOf(withAtlas(staging, (a) => ({ ...a, msk: { ...a.msk, publicAccessCidrs: [] } })))).toContain('atlas.msk.publicAccessCidrs = [] is empty while publicAccess is true');
  });

  test('rejects backups kept fewer than 7 days', () => {
    expect(
      errorOf(
        withAtlas(prod, (a) => ({ ...a, rds: { ...a.rds, backupRetentionInDays: 3 } })),
        'prod',
      ),
    ).toContain('prod: atlas.rds.backupRetentionInDays = 3 is below 7 days. Fix:');
  });

  test('rejects a PostgreSQL version the parameter group family cannot follow', () => {
    expect(
      errorOf(
        withAtlas(prod, (a) => ({ ...a, rds: { ...a.rds, engineVersion: '16.x' } })),
        'prod',
      ),
    ).toContain('atlas.rds.engineVersion = "16.x" is not a supported PostgreSQL version');
  });

  test('rejects a broker count that does not spread over the availability zones', () => {
    expect(errorOf(withAtlas(staging, (a) => ({ ...a, msk: { ...a.msk, brokers: 3 } })))).toContain('atlas.msk.brokers = 3 is not a multiple of the 2 availability zones. Fix: use 2 or 4');
  });

  test('rejects multi-VPC connectivity on kafka.t3.small brokers', () => {
    expect(
      errorOf(
        withAtlas(prod, (a) => ({ ...a, msk: { ...a.msk, brokerInstanceType: 'kafka.t3.small' } })),
        'prod',
      ),
    ).toContain('atlas.msk.brokerInstanceType = "kafka.t3.small" does not support multi-VPC connectivity');
  });

  test('rejects an unknown MSK phase', () => {
    const input = withAtlas(staging, (a) => ({ ...a, msk: { ...a.msk, phase: 'later' as 'create' } }));
    expect(errorOf(input)).toContain('atlas.msk.phase = "later"');
  });

  test('rejects a service hostname outside the domain', () => {
    expect(errorOf(withAtlas(staging, (a) => ({ ...a, hostnames: { ...a.hostnames, dashboardBackend: 'dashboard.example.org' } })))).toContain(
      'atlas.hostnames.dashboardBackend = "dashboard.example.org" is not under the domain hari328.net. Fix:',
    );
  });

  test('rejects a Kafka UI hostname without a Cognito callback', () => {
    const input = { ...staging, identity: { ...staging.identity, callbackHostnames: ['grafana.hari328.net'] } };
    expect(errorOf(input)).toContain('atlas.hostnames.kafkaUi = "kafka-ui.hari328.net" is behind a Cognito login but not in identity.callbackHostnames. Fix: add "kafka-ui.hari328.net"');
  });

  describe('Kafka exports', () => {
    const withExports = (patch: Partial<Atlas['exportBucket']>, base: EnvironmentInput = staging) => withAtlas(base, (a) => ({ ...a, exportBucket: { ...a.exportBucket, ...patch } }));

    test('the committed environments export the events topic', () => {
      expect(parseEnvironment('staging', staging).atlas.exportBucket.topics).toEqual(['events']);
      expect(parseEnvironment('prod', prod).atlas.exportBucket.topics).toEqual(['events']);
    });

    test.each([
      ['orders/v1', 'contains "/", which Kafka refuses in a topic name. Fix: only letters, digits, ".", "_" and "-", e.g. "orders-v1"'],
      ['a b!', 'contains " ", "!", which Kafka refuses in a topic name. Fix:'],
      ['.', 'is a name Kafka refuses ("." and ".." are reserved). Fix:'],
      ['..', 'is a name Kafka refuses ("." and ".." are reserved). Fix:'],
      ['', 'is 0 characters; Kafka accepts 1-249. Fix:'],
      ['t'.repeat(250), 'is 250 characters; Kafka accepts 1-249. Fix:'],
    ])('rejects the topic name %p, naming field, value and fix', (topic, message) => {
      const error = errorOf(withExports({ topics: ['events', topic] }));
      expect(error).toContain(`atlas.exportBucket.topics.1 = ${JSON.stringify(topic)} ${message}`);
    });

    test('accepts every character Kafka allows', () => {
      expect(parseEnvironment('prod', withExports({ topics: ['Orders.v1_raw-2'] }, prod)).atlas.exportBucket.topics).toEqual(['Orders.v1_raw-2']);
    });

    test('rejects a topic whose Firehose stream name would pass 64 characters', () => {
      const topic = 'x'.repeat(50);
      const error = errorOf(withExports({ topics: [topic] }));
      expect(error).toContain(
        `atlas.exportBucket.topics.0 = "${topic}" makes the Firehose stream name "poc-atlas-dev-export-${topic}" 71 characters; Firehose allows 64. Fix: a topic name of at most 43 characters`,
      );
    });

    test('rejects a topic listed twice and topics without a bucket', () => {
      expect(errorOf(withExports({ topics: ['events', 'events'] }))).toContain('atlas.exportBucket.topics.1 = "events" lists "events" twice. Fix:');
      expect(errorOf(withExports({ enabled: false }))).toContain('atlas.exportBucket.topics = ["events"] lists topics while enabled is false');
    });

    test.each([
      [{ sizeInMib: 0, intervalInSeconds: 300 }, "sizeInMib = 0 is below 1 MiB, Firehose's minimum. Fix:"],
      [{ sizeInMib: 129, intervalInSeconds: 300 }, "sizeInMib = 129 is above 128 MiB, Firehose's maximum. Fix:"],
      [{ sizeInMib: 64, intervalInSeconds: 901 }, "intervalInSeconds = 901 is above 900 seconds, Firehose's maximum. Fix:"],
      [{ sizeInMib: 64, intervalInSeconds: -1 }, 'intervalInSeconds = -1 is negative. Fix:'],
    ])("rejects buffering %j outside Firehose's limits", (buffering, message) => {
      expect(errorOf(withExports({ buffering }))).toContain(`atlas.exportBucket.buffering.${message}`);
    });

    test('rejects a key prefix with more than one level', () => {
      expect(errorOf(withExports({ keyPrefix: 'exports/kafka' }))).toContain('atlas.exportBucket.keyPrefix = "exports/kafka" is not a one-level key prefix. Fix:');
    });

    test('rejects topics when MSK offers Firehose neither public nor multi-VPC connectivity', () => {
      const input = withAtlas(prod, (a) => ({ ...a, msk: { ...a.msk, multiVpcConnectivity: false, multiVpcClientAccountIds: [] } }));
      expect(errorOf(input, 'prod')).toContain('atlas.exportBucket.topics = ["events"] needs Firehose to reach MSK, which it does only through multi-VPC private connectivity or public access');
    });
  });

  describe('release image tags', () => {
    const withTag = (imageTag: string, service: 'eventsIngestion' | 'dashboardBackend' = 'eventsIngestion') =>
      withAtlas(staging, (a) => ({ ...a, services: { ...a.services, [service]: { ...a.services[service], imageTag } } }));

    test('the committed environments carry a tag for each ECR-built service', () => {
      for (const [name, input] of [
        ['staging', staging],
        ['prod', prod],
      ] as const) {
        const { services } = parseEnvironment(name, input).atlas;
        expect(services.eventsIngestion.imageTag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
        expect(services.dashboardBackend.imageTag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
      }
    });

    test.each(['latest', 'LATEST'])('rejects the moving tag %p, naming field, value and fix', (tag) => {
      expect(errorOf(withTag(tag, 'dashboardBackend'))).toContain(
        `staging: atlas.services.dashboardBackend.imageTag = "${tag}" is a moving tag, and the ECR repositories have immutable tags (latest can be pushed only once). Fix: use the release's own tag`,
      );
    });

    test.each([
      ['empty', ''],
      ['starting with a dot', '.1.4.2'],
      ['starting with a hyphen', '-rc1'],
      ['with a slash', 'v1/2'],
      ['with a colon', '1.4.2:sha'],
      ['with a space', 'release 2'],
      ['of 129 characters', 'a'.repeat(129)],
    ])('rejects a tag %s', (_, tag) => {
      expect(errorOf(withTag(tag))).toContain(
        `staging: atlas.services.eventsIngestion.imageTag = ${JSON.stringify(tag)} is not a Docker image tag. Fix: 1-128 of letters, digits, _ . - not starting with . or -`,
      );
    });

    test('rejects an ECR-built service without a tag', () => {
      const input = withAtlas(staging, (a) => {
        const { imageTag: _, ...untagged } = a.services.eventsIngestion;
        return { ...a, services: { ...a.services, eventsIngestion: untagged as typeof a.services.eventsIngestion } };
      });
      expect(errorOf(input)).toContain('atlas.services.eventsIngestion.imageTag = (missing)');
    });

    test('rejects a tag on Kafka UI, which runs a public image', () => {
      const input = withAtlas(staging, (a) => ({ ...a, services: { ...a.services, kafkaUi: { ...a.services.kafkaUi, imageTag: '1.0.0' } as typeof a.services.kafkaUi } }));
      expect(errorOf(input)).toContain('atlas.services.kafkaUi.imageTag is not a known field');
    });

    test.each([
      ['semantic version', '1.4.2'],
      ['pre-release', 'v2.0.1-rc.1'],
      ['leading underscore', '_build'],
      ['128 characters', 'a'.repeat(128)],
      ['commit SHA', '3f9c2e1'],
    ])('accepts a tag: %s', (_, tag) => {
      expect(parseEnvironment('staging', withTag(tag)).atlas.services.eventsIngestion.imageTag).toBe(tag);
    });
  });

  test('rejects a Fargate CPU size that does not exist', () => {
    const input = withAtlas(staging, (a) => ({ ...a, services: { ...a.services, kafkaUi: { ...a.services.kafkaUi, capacity: 'fargate', cpu: 300 } } }));
    expect(errorOf(input)).toContain('atlas.services.kafkaUi.cpu = 300 is not a Fargate CPU size');
  });

  test('a size Fargate does not offer is accepted on EC2 when it fits one instance', () => {
    // GIVEN Kafka UI on EC2 with 768 CPU units and 1536 MiB, no Fargate pair but within a t3.medium
    const input = withAtlas(staging, (a) => ({ ...a, services: { ...a.services, kafkaUi: { ...a.services.kafkaUi, capacity: 'ec2', cpu: 768, memoryInMib: 1536 } } }));
    // THEN the configuration loads
    expect(parseEnvironment('staging', input).atlas.services.kafkaUi).toMatchObject({ capacity: 'ec2', cpu: 768 });
  });

  test('rejects a capacity that is neither Fargate nor EC2', () => {
    const input = withAtlas(staging, (a) => ({ ...a, services: { ...a.services, kafkaUi: { ...a.services.kafkaUi, capacity: 'spot' as 'ec2' } } }));
    expect(errorOf(input)).toContain('atlas.services.kafkaUi.capacity = "spot" is not a capacity. Fix: "fargate" or "ec2"');
  });
});

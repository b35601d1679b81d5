import { attr, isFalse } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt } from './check';

export const mskTlsInTransit: ResourceRule = {
  kind: 'resource',
  id: 'msk-tls-in-transit',
  property: 'Kafka traffic is TLS only, between clients and brokers and between brokers.',
  publicIds: ['CKV_AWS_81', 'AVD-AWS-0073', 'MSK.1'],
  fix: 'set encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } } (the AWS defaults)',
  resourceTypes: ['aws_msk_cluster'],
  check: (msk) => {
    const unknown = unknownAt(msk, ['encryption_info.encryption_in_transit.client_broker', 'encryption_info.encryption_in_transit.in_cluster'], 'TLS only');
    if (unknown) return unknown;
    // Unset means the AWS defaults: TLS client-broker and in-cluster encryption.
    const clientBroker = attr(msk, 'encryption_info.encryption_in_transit.client_broker');
    const inCluster = attr(msk, 'encryption_info.encryption_in_transit.in_cluster');
    const problems: string[] = [];
    if (clientBroker !== undefined && clientBroker !== 'TLS') problems.push(`client_broker is ${show(clientBroker)}`);
    if (isFalse(inCluster)) problems.push(`in_cluster is ${show(inCluster)}`);
    return problems.length === 0 ? COMPLIANT : nonCompliant(`encryption_in_transit ${problems.join(' and ')}; wants TLS only`);
  },
};

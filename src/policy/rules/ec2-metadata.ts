/** Instance metadata settings, shared by the IMDS rules. */
import { attr } from '../../terraform-json/document';
import type { TfResource } from '../types';

/** The EC2 resources whose `metadata_options` decide the metadata service of an instance. */
export const METADATA_TYPES = ['aws_launch_template', 'aws_launch_configuration', 'aws_instance'];

/** `http_endpoint = "disabled"`: no metadata service at all, so neither tokens nor hops matter. */
export function metadataDisabled(resource: TfResource): boolean {
  return attr(resource, 'metadata_options.http_endpoint') === 'disabled';
}

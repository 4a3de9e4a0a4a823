import { closestMatch } from '../text/similarity';

/**
 * Component types of the OpenTelemetry Collector distributions (core, contrib, k8s, otlp; release 0.159.0) and of
 * Jaeger v2, which is built on the collector. Names are stored without underscores: the collector has been renaming
 * types to snake_case (`k8sattributes` → `k8s_attributes`) and keeps the old names as aliases, so a type is known
 * when it matches one of these stems once its underscores are removed.
 */
export type ComponentKind = 'receiver' | 'processor' | 'exporter' | 'extension' | 'connector';

export const componentKinds: readonly ComponentKind[] = ['receiver', 'processor', 'exporter', 'extension', 'connector'];

const stems: Readonly<Record<ComponentKind, string>> = {
  receiver:
    'activedirectoryds aerospike apache apachespark awscloudwatch awscontainerinsight awsecscontainermetrics ' +
    'awsfirehose awslambda awss3 awsxray azureblob azureeventhub azuremonitor carbon chrony ciscoos cloudflare ' +
    'cloudfoundry collectd couchdb datadog dockerstats elasticsearch envoyals expvar faro filelog filestats ' +
    'flinkmetrics fluentforward github gitlab googlecloudmonitoring googlecloudpubsub googlecloudspanner haproxy ' +
    'hostmetrics httpcheck icmpcheck iis influxdb jaeger journald k8scluster k8sevents k8sobjects kafka ' +
    'kafkametrics kubeletstats libhoney loki macosunifiedlogging memcached mongodb mongodbatlas mysql namedpipe ' +
    'netflow nginx nop nsxt ntp obi oracledb otelarrow otlp otlpjsonfile podman postgresql pprof prometheus ' +
    'prometheusremotewrite pulsar purefa purefb rabbitmq receivercreator redis riak saphana simpleprometheus ' +
    'skywalking snmp snowflake solace splunkenterprise splunkhec sqlquery sqlserver sshcheck statsd stef syslog ' +
    'systemd tcpcheck tcplog tlscheck udplog vcenter wavefront webhookevent windowseventlog windowsperfcounters ' +
    'windowsservice yanggrpc zipkin zookeeper',
  processor:
    'adaptivesampling attributes batch cardinalityguardian coralogix cumulativetodelta deltatocumulative ' +
    'deltatorate drain filter genainormalizer geoip groupbyattrs groupbytrace interval isolationforest ' +
    'k8sattributes logdedup memorylimiter metricsgeneration metricstarttime metricstransform probabilisticsampler ' +
    'redaction remotetap resource resourcedetection schema span sumologic tailsampling transform unroll',
  exporter:
    'alibabacloudlogservice awscloudwatchlogs awsemf awskinesis awss3 awsxray azureblob azuredataexplorer ' +
    'azuremonitor bmchelix cassandra clickhouse coralogix datadog dataset debug doris elasticsearch faro file ' +
    'googlecloud googlecloudpubsub googlecloudstorage googlemanagedprometheus honeycombmarker influxdb ' +
    'jaegerstorageexporter kafka loadbalancing logicmonitor logzio mezmo nop opensearch otelarrow otlp otlpgrpc ' +
    'otlphttp prometheus prometheusremotewrite pulsar rabbitmq sentry signalfx splunkhec stef sumologic syslog ' +
    'tencentcloudlogservice tinybird zipkin',
  extension:
    'ack asapauth awscloudwatchmetricstreamsencoding awsiamdbauth awslogsencoding awsproxy azureauth ' +
    'azureencoding basicauth bearertokenauth cgroupruntime datadog dbstorage dockerobserver ecsobserver expvar ' +
    'filestorage googleclientauth googlecloudlogentryencoding headerssetter healthcheck healthcheckv2 ' +
    'hostobserver httpforwarder jaegerencoding jaegerquery jaegerremotesampling jaegerstorage jsonlogencoding ' +
    'k8sleaderelector k8sobserver memorylimiter oauth2clientauth oidcauth opamp otlpencoding pebbletailstorage ' +
    'pprof redisstorage remotesampling remotestorage sigv4auth skywalkingencoding storagecleaner sumologic ' +
    'textencoding zipkinencoding zpages',
  connector: 'count datadog exceptions failover forward grafanacloud otlpjson roundrobin routing servicegraph signaltometrics spanmetrics sum',
};

const stemSets = new Map<ComponentKind, ReadonlySet<string>>(
  componentKinds.map((kind) => [kind, new Set(stems[kind].split(' '))]),
);

/**
 * The exact spellings of the components tracing setups use most, so a near miss (`memorylimiter`, `otlphtpp`) can
 * be told apart from a component Trace Stitch merely does not list. Both spellings of renamed types are valid.
 */
const exactSpellings: Readonly<Record<ComponentKind, readonly string[]>> = {
  receiver: ['otlp', 'zipkin', 'jaeger', 'kafka', 'prometheus', 'nop'],
  processor: [
    'batch', 'memory_limiter', 'tail_sampling', 'probabilistic_sampler', 'attributes', 'resource', 'k8sattributes',
    'k8s_attributes', 'filter', 'transform', 'span', 'groupbytrace', 'resourcedetection', 'resource_detection',
  ],
  exporter: ['otlp', 'otlp_grpc', 'otlphttp', 'otlp_http', 'debug', 'zipkin', 'kafka', 'file', 'nop', 'loadbalancing', 'load_balancing'],
  extension: [
    'health_check', 'healthcheckv2', 'pprof', 'zpages', 'memory_limiter', 'bearertokenauth', 'basicauth', 'file_storage',
    'jaeger_storage', 'jaeger_query', 'remote_sampling', 'expvar',
  ],
  connector: ['spanmetrics', 'servicegraph', 'forward', 'routing', 'count'],
};

function squash(type: string): string {
  return type.replace(/_/g, '').toLowerCase();
}

export type ComponentTypeStatus =
  | { readonly known: true }
  /** Not a type Trace Stitch knows; `suggestion` is a listed type it is probably a misspelling of. */
  | { readonly known: false; readonly suggestion?: string };

export function componentTypeStatus(kind: ComponentKind, type: string): ComponentTypeStatus {
  const spellings = exactSpellings[kind];
  if (spellings.includes(type)) return { known: true };
  const sameLetters = spellings.find((spelling) => squash(spelling) === squash(type));
  if (sameLetters !== undefined) return { known: false, suggestion: sameLetters };
  if (stemSets.get(kind)?.has(squash(type))) return { known: true };
  const near = closestMatch(type, spellings);
  return near === undefined ? { known: false } : { known: false, suggestion: near };
}

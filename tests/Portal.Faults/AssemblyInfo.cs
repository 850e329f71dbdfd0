// The fault tests start real processes and PostgreSQL clusters and time outages: on a two-core machine they run one
// at a time so that no test's timing depends on another's load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

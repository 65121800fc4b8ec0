using BenchmarkDotNet.Running;
using CimdHost.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(args);

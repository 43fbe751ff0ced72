using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Microneedling.Benchmarks -- --filter '*Availability*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

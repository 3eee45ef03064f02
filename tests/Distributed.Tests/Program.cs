using Composer.Distributed;
using Composer.Distributed.Tests;

// Usage:
//   mpirun -np 2 dotnet Composer.Distributed.Tests.dll [--trx results.trx]   the collective and data-parallel checks
//   dotnet Composer.Distributed.Tests.dll --failure [--trx results.trx]      starts failing 2-, 3- and 4-process jobs and checks how they end
//   mpirun -np N dotnet Composer.Distributed.Tests.dll --scenario NAME RANK   one failing job (FailureScenarios), RANK failing
//   dotnet Composer.Distributed.Tests.dll --elastic [--trx results.trx]      N-rank jobs that save mid-epoch, M-rank jobs that resume (ElasticChecks)
//   mpirun -np N dotnet Composer.Distributed.Tests.dll --elastic-job save|resume FOLDER   one side of an elastic resume (ElasticScenario)
string? trx = args.SkipWhile(a => a != "--trx").Skip(1).FirstOrDefault();
if (args.Length >= 3 && args[0] == "--scenario")
    return FailureScenarios.All[args[1]](int.Parse(args[2]));
if (args.Length >= 3 && args[0] == "--elastic-job")
    return ElasticScenario.Run(args[1], args[2]);
if (args.Contains("--elastic"))
    return MpiTestRunner.Run(ElasticChecks.All().ToList(), trx, collective: false);
if (args.Contains("--failure"))
    return MpiTestRunner.Run(FailureChecks.All().ToList(), trx, collective: false);

Dist.Initialize();
return MpiTestRunner.Run([.. CollectiveChecks.All(), .. DataParallelChecks.All(), .. LoggingRankChecks.All()], trx, collective: true);

using Composer.Distributed;
using Composer.Distributed.Tests;

// Usage:
//   mpirun -np 2 dotnet Composer.Distributed.Tests.dll [--trx results.trx]   the collective and data-parallel checks
//   dotnet Composer.Distributed.Tests.dll --failure [--trx results.trx]      starts failing 2-process jobs and checks they end
string? trx = args.SkipWhile(a => a != "--trx").Skip(1).FirstOrDefault();
if (args.Length >= 2 && args[0] is "--throw-on-rank" or "--kill-rank")
{
    FailureChecks.FailAs(args[0], int.Parse(args[1]));
    return 0;
}
if (args.Contains("--failure"))
    return MpiTestRunner.Run(FailureChecks.All().ToList(), trx, collective: false);

Dist.Initialize();
return MpiTestRunner.Run([.. CollectiveChecks.All(), .. DataParallelChecks.All()], trx, collective: true);

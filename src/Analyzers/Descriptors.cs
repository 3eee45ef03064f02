using Microsoft.CodeAnalysis;

namespace Composer.Analyzers;

/// <summary>The identity of every rule: one place for IDs, titles, messages, categories and help links.</summary>
public static class Descriptors
{
    /// <summary>Where each rule's page lives; <c>{0}</c> is the rule ID.</summary>
    public const string HelpLinkFormat = "https://github.com/composer-analyzers/Composer.Analyzers/blob/main/docs/rules/{0}.md";

    private const string Category = "Reliability";

    private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, string.Format(HelpLinkFormat, id));

    /// <summary>CMP001: the epoch is set on a loader's sampler only, while the loader draws from a batch sampler.</summary>
    public static readonly DiagnosticDescriptor CMP001SetEpochOnSamplerOnly = Rule(
        "CMP001",
        "Setting the epoch on the loader's sampler alone misses its batch sampler",
        "'{0}' draws batches from a batch sampler; setting the epoch on '{0}.{1}' alone replays the same order every epoch",
        DiagnosticSeverity.Warning,
        "A loader built from a batch sampler keeps a plain sequential sampler in Sampler; setting its epoch changes nothing, so every epoch replays epoch 0's order. Use Epochs.SetEpoch(loader, epoch), which reaches the batch sampler and the sampler inside it.");

    /// <summary>CMP002: a loader that reshuffles per epoch is iterated in an epoch loop that never sets its epoch.</summary>
    public static readonly DiagnosticDescriptor CMP002EpochNeverSet = Rule(
        "CMP002",
        "The loader's epoch is never set in the epoch loop",
        "'{0}' reshuffles from (seed, epoch) but nothing in this epoch loop sets its epoch; every epoch replays the same order",
        DiagnosticSeverity.Warning,
        "Epoch-aware samplers and batch samplers derive each epoch's order from the seed and the epoch they are told. A loop that iterates such a loader every epoch without Epochs.SetEpoch(loader, epoch) sees epoch 0's order every time.");

    /// <summary>CMP002, when the only setters on the pass are in a branch that some ranks take (<c>if (Dist.Rank == 0)</c>).</summary>
    public static readonly DiagnosticDescriptor CMP002EpochSetOnSomeRanks = Rule(
        "CMP002",
        "The loader's epoch is never set in the epoch loop",
        "'{0}' reshuffles from (seed, epoch) but this epoch loop sets its epoch only on the ranks that '{1}' lets through; the other ranks replay the same order every epoch",
        DiagnosticSeverity.Warning,
        "A setter in a branch that only some ranks take (if (Dist.Rank == 0)) tells only those ranks the epoch. The others replay epoch 0's order, and in data-parallel training their shards no longer partition the data set with the rank that reshuffled: some samples repeat, others are never seen. Set the epoch on every rank.");

    /// <summary>CMP003: TorchSharp's DataLoader with shuffle and a fixed seed.</summary>
    public static readonly DiagnosticDescriptor CMP003FixedSeedShuffle = Rule(
        "CMP003",
        "A shuffling TorchSharp DataLoader with a fixed seed repeats its order",
        "'{0}' shuffles with the fixed seed {1}; TorchSharp's DataLoader reseeds from it at every enumeration, so every epoch repeats one order",
        DiagnosticSeverity.Warning,
        "TorchSharp's DataLoader(shuffle: true, seed: N) seeds its shuffler from N alone, at every enumeration. Give it an epoch-aware sampler (RandomSampler or DistributedSampler) or use EpochDataLoader, and set the epoch every epoch.");

    /// <summary>CMP004: the epoch argument does not change across the epoch loop.</summary>
    public static readonly DiagnosticDescriptor CMP004EpochArgumentConstant = Rule(
        "CMP004",
        "The epoch passed to SetEpoch does not change across the loop",
        "The epoch '{0}' does not change across this loop; every epoch replays the same order",
        DiagnosticSeverity.Warning,
        "SetEpoch must receive the current epoch: the loop variable or a value derived from it. A constant or a variable the loop never changes gives every epoch the same order.");

    /// <summary>CMP005: SetEpoch inside the loop that iterates the same loader.</summary>
    public static readonly DiagnosticDescriptor CMP005SetEpochInsideIteration = Rule(
        "CMP005",
        "The epoch is set while the loader is being iterated",
        "'{0}' is being iterated by the enclosing loop; setting its epoch here takes effect one epoch late, so the first two epochs share one order",
        DiagnosticSeverity.Warning,
        "A sampler fixes the epoch's order when the iteration starts. Setting the epoch inside the batch loop only affects the next epoch: epoch 1 replays epoch 0. Set it before the loop.");

    /// <summary>CMP006: a loader construction that the runtime rejects.</summary>
    public static readonly DiagnosticDescriptor CMP006ConflictingLoaderArguments = Rule(
        "CMP006",
        "Loader arguments conflict",
        "'{0}' cannot be combined with '{1}': {2}",
        DiagnosticSeverity.Error,
        "As in PyTorch, a batch sampler excludes batchSize other than 1, shuffle: true, a sampler and dropLast: true, and a sampler excludes shuffle: true. The loader throws ArgumentException at run time.");
}

using System.Globalization;

namespace FashionMnist;

/// <summary>The sample's command line.</summary>
internal sealed record Options
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 8e-3;
    public string Device { get; init; } = "auto";
    public string Output { get; init; } = "runs/fashion-mnist";
    public string? Resume { get; init; }
    public string Warmup { get; init; } = "200ba";
    public bool BatchNorm { get; init; } = true;
    public bool Crop { get; init; }
    public int CropPadding { get; init; } = 2;
    public bool Flip { get; init; } = true;
    public double LabelSmoothing { get; init; } = 0.1;
    public bool Ema { get; init; } = true;
    public string EmaHalfLife { get; init; } = "100ba";
    public bool MixUp { get; init; }
    public string Data { get; init; } = Composer.Data.FashionMnist.DefaultFolder;
    public int Seed { get; init; } = 42;
    public int GradAccum { get; init; } = 1;
    public int? Threads { get; init; }
    public string? ImageFolder { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        Trains a small CNN on Fashion-MNIST with Composer.Training.

        The recipe (the defaults; every part has a switch, --X turns it on and --no-X off):
          --batch-norm        batch norm after each convolution and the first linear layer (on)
          --flip              random horizontal flips (on)
          --crop              random crops of 28x28 from the image padded by --crop-padding pixels (off: costs
                              accuracy within 10 epochs, see the README)
          --crop-padding N    pixels of zero padding before the crop (default 2)
          --augment           --crop and --flip together (--no-augment: neither)
          --label-smoothing X label smoothing of the targets (default 0.1; --no-label-smoothing: 0)
          --ema               evaluate (and end) with an exponential moving average of the weights (on)
          --ema-half-life T   the average's half life (default 100ba)
          --mixup             MixUp of pairs of images, alpha 0.2 (off)

        Training:
          --epochs N          epochs to train (default 10)
          --batch-size N      samples per batch (default 128)
          --lr X              Adam learning rate (default 0.008), reached after a linear warm-up, then cosine decay to 0
          --warmup T          the warm-up, e.g. 200ba or 1ep (default 200ba)
          --seed N            seed of weights, shuffling, augmentation and dropout (default 42)
          --grad-accum N      micro-batches per batch (default 1)
          --device D          auto | cpu | cuda (default auto)
          --threads N         torch CPU threads (default: torch's choice)

        Files:
          --output DIR        checkpoints, metrics.jsonl and TensorBoard logs (default runs/fashion-mnist)
          --resume PATH       resume from a checkpoint, or "latest" for the newest in DIR/checkpoints
          --data DIR          folder with the gzipped IDX files (default /usr/share/datasets/fashion-mnist)
          --image-folder DIR  train from PNG files in DIR/train/<class>/ and DIR/test/<class>/, decoded per sample
                              (with the same augmentation); exported there from --data first if missing
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.", nameof(args));
            string TimeValue() => Composer.Training.Time.Parse(Value(), name).Value > 0 ? args[i] : throw new ArgumentException($"{name} needs a time longer than zero, not '{args[i]}'.", nameof(args));
            bool On() => !name.StartsWith("--no-", StringComparison.Ordinal);
            double Fraction() => double.TryParse(Value(), CultureInfo.InvariantCulture, out double x) && x >= 0 && x < 1 ? x : throw new ArgumentException($"{name} needs a number in [0, 1), not '{args[i]}'.", nameof(args));
            int Int() => int.TryParse(Value(), CultureInfo.InvariantCulture, out int v) && v > 0 ? v : throw new ArgumentException($"{name} needs a positive integer, not '{args[i]}'.", nameof(args));
            options = name switch
            {
                "--epochs" => options with { Epochs = Int() },
                "--batch-size" => options with { BatchSize = Int() },
                "--lr" => options with { LearningRate = double.TryParse(Value(), CultureInfo.InvariantCulture, out double lr) && lr > 0 ? lr : throw new ArgumentException($"--lr needs a positive number, not '{args[i]}'.", nameof(args)) },
                "--device" => options with { Device = Value() },
                "--output" => options with { Output = Value() },
                "--resume" => options with { Resume = Value() },
                "--warmup" => options with { Warmup = TimeValue() },
                "--batch-norm" or "--no-batch-norm" => options with { BatchNorm = On() },
                "--augment" or "--no-augment" => options with { Crop = On(), Flip = On() },
                "--crop" or "--no-crop" => options with { Crop = On() },
                "--crop-padding" => options with { CropPadding = Int() },
                "--flip" or "--no-flip" => options with { Flip = On() },
                "--label-smoothing" => options with { LabelSmoothing = Fraction() },
                "--no-label-smoothing" => options with { LabelSmoothing = 0 },
                "--ema" or "--no-ema" => options with { Ema = On() },
                "--ema-half-life" => options with { EmaHalfLife = TimeValue() },
                "--mixup" or "--no-mixup" => options with { MixUp = On() },
                "--data" => options with { Data = Value() },
                "--seed" => options with { Seed = Int() },
                "--grad-accum" => options with { GradAccum = Int() },
                "--threads" => options with { Threads = Int() },
                "--image-folder" => options with { ImageFolder = Value() },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'.", nameof(args)),
            };
        }

        return options;
    }
}

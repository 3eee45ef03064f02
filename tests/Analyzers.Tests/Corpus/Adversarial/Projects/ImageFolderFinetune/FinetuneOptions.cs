namespace ImageFolderFinetune;

public enum Backbone { Small, Wide }

/// <summary>Command-line options of the fine-tuning script.</summary>
public sealed record FinetuneOptions(string Root, int Epochs = 5, int BatchSize = 32, int Seed = 0, Backbone Backbone = Backbone.Small)
{
    public string TrainFolder => Path.Combine(Root, "train");

    public string ValFolder => Path.Combine(Root, "val");

    public int Width => Backbone switch
    {
        Backbone.Small => 32,
        Backbone.Wide => 96,
        _ => throw new ArgumentOutOfRangeException(nameof(Backbone)),
    };
}

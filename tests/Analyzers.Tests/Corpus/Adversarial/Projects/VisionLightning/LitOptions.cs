namespace VisionLightning;

/// <summary>Hyper-parameters, as a LightningModule's <c>hparams</c>.</summary>
public sealed record LitOptions(int Epochs = 10, int BatchSize = 64, double LearningRate = 1e-3, int Seed = 0)
{
    public int ValBatchSize => BatchSize * 4;

    public static LitOptions FromArgs(string[] args) => args switch
    {
        [var epochs, var batch, ..] => new LitOptions(int.Parse(epochs), int.Parse(batch)),
        [var epochs] => new LitOptions(int.Parse(epochs)),
        _ => new LitOptions(),
    };
}

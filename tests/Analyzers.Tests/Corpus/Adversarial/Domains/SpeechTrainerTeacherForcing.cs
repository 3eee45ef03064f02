// Scenario: grapheme-to-phoneme seq2seq trained with the runtime's Trainer on a shuffling EpochDataLoader (the Trainer sets its epoch); a callback sets the teacher-forcing schedule's own SetEpoch at every EpochStart, and the script peeks at one batch with First() before fitting to check shapes (right, no diagnostic: no hand-written epoch loop, and the schedule is no loader).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

var (graphemes, phonemes) = G2pData.Load("data/cmudict/train.tsv");
var (devGraphemes, devPhonemes) = G2pData.Load("data/cmudict/dev.tsv");
using var train = new EpochDataLoader(
    new InMemoryDataset(new Dictionary<string, Tensor> { ["graphemes"] = graphemes, ["phonemes"] = phonemes }),
    batchSize: 256, shuffle: true, seed: 3);
using var dev = new EpochDataLoader(
    new InMemoryDataset(new Dictionary<string, Tensor> { ["graphemes"] = devGraphemes, ["phonemes"] = devPhonemes }),
    batchSize: 512);

var first = train.First();
Console.WriteLine($"graphemes {string.Join('x', first["graphemes"].shape)}, phonemes {string.Join('x', first["phonemes"].shape)}");

var schedule = new G2pTeacherForcing(start: 1.0, end: 0.6, overEpochs: 20);
var model = new G2pSeq2Seq(graphemeVocab: 32, phonemeVocab: 72, hidden: 256, schedule);

using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optim.Adam(model.parameters(), lr: 1e-3),
    TrainLoader = train,
    EvalLoader = dev,
    MaxDuration = "20ep",
    Seed = 3,
    Callbacks = [new G2pTeacherForcingCallback(schedule)],
});
trainer.Fit();

sealed class G2pTeacherForcing(double start, double end, int overEpochs)
{
    public double Ratio { get; private set; } = start;

    public void SetEpoch(int epoch) => Ratio = start + (end - start) * Math.Min(1.0, epoch / (double)overEpochs);
}

sealed class G2pTeacherForcingCallback(G2pTeacherForcing schedule) : Callback
{
    public override void EpochStart(State state, Logger logger)
    {
        schedule.SetEpoch(state.Timestamp.Epoch);
        logger.LogMetrics(new Dictionary<string, double> { ["teacher_forcing"] = schedule.Ratio });
    }
}

sealed class G2pSeq2Seq : ComposerModel
{
    private readonly TorchSharp.Modules.Embedding _src, _tgt;
    private readonly TorchSharp.Modules.GRU _encoder, _decoder;
    private readonly TorchSharp.Modules.Linear _out;
    private readonly G2pTeacherForcing _schedule;
    private readonly long _phonemeVocab;

    public G2pSeq2Seq(long graphemeVocab, long phonemeVocab, long hidden, G2pTeacherForcing schedule) : base(nameof(G2pSeq2Seq))
    {
        _src = nn.Embedding(graphemeVocab, hidden, padding_idx: 0);
        _tgt = nn.Embedding(phonemeVocab, hidden, padding_idx: 0);
        _encoder = nn.GRU(hidden, hidden, batchFirst: true);
        _decoder = nn.GRU(hidden, hidden, batchFirst: true);
        _out = nn.Linear(hidden, phonemeVocab);
        _schedule = schedule;
        _phonemeVocab = phonemeVocab;
        RegisterComponents();
    }

    // phonemes[:, 0] is <s>; predict phonemes[:, 1..] one step at a time.
    public override Tensor Forward(Dictionary<string, Tensor> batch)
    {
        var (_, h) = _encoder.call(_src.call(batch["graphemes"]));
        var target = batch["phonemes"];
        var input = target.narrow(1, 0, 1);
        var steps = new List<Tensor>();
        for (long t = 1; t < target.shape[1]; t++)
        {
            var (o, hNext) = _decoder.call(_tgt.call(input), h);
            h = hNext;
            var logits = _out.call(o);
            steps.Add(logits);
            input = training && Random.Shared.NextDouble() < _schedule.Ratio ? target.narrow(1, t, 1) : logits.argmax(-1);
        }
        return torch.cat(steps, 1);
    }

    public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch)
    {
        var gold = batch["phonemes"].narrow(1, 1, batch["phonemes"].shape[1] - 1);
        return nn.functional.cross_entropy(outputs.reshape(-1, _phonemeVocab), gold.reshape(-1), ignore_index: 0);
    }
}

static class G2pData
{
    public static (Tensor Graphemes, Tensor Phonemes) Load(string path)
    {
        var rows = File.ReadLines(path).Select(l => l.Split('\t')).ToArray();
        long[] Pad(IEnumerable<long> ids, int len) => ids.Take(len).Concat(Enumerable.Repeat(0L, len)).Take(len).ToArray();
        var g = rows.SelectMany(r => Pad(r[0].Select(c => (long)(char.ToLowerInvariant(c) - 'a' + 2)), 24)).ToArray();
        var p = rows.SelectMany(r => Pad(new[] { 1L }.Concat(r[1].Split(' ').Select(long.Parse)), 24)).ToArray();
        return (torch.tensor(g).view(rows.Length, 24), torch.tensor(p).view(rows.Length, 24));
    }
}

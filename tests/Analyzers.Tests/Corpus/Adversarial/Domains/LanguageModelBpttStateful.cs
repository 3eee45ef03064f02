// Scenario: a word-level GRU language model ported from PyTorch's word_language_model: the corpus is batchified into parallel streams and read in BPTT chunks strictly in order, carrying the hidden state from chunk to chunk, so the EpochDataLoader deliberately does not shuffle and its epoch is never set (right: order must not change, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Bptt = 35;
const int StreamsPerBatch = 20;
const int Vocab = 10_000;
const int Hidden = 200;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 6;

torch.manual_seed(1111);
long[] trainIds = BpttLm.ReadIds("data/wikitext-2/train.ids");
long[] validIds = BpttLm.ReadIds("data/wikitext-2/valid.ids");

// Each sample is one BPTT chunk of all streams: x[t, b] predicts y[t, b] = x[t + 1, b].
using var train = new EpochDataLoader(BpttLm.Chunks(trainIds, StreamsPerBatch, Bptt), batchSize: 1, shuffle: false, seed: 1111);
using var valid = new EpochDataLoader(BpttLm.Chunks(validIds, 10, Bptt), batchSize: 1);

var embed = nn.Embedding(Vocab, Hidden);
var gru = nn.GRU(Hidden, Hidden, numLayers: 2, dropout: 0.2);
var head = nn.Linear(Hidden, Vocab);
var parameters = embed.parameters().Concat(gru.parameters()).Concat(head.parameters()).ToList();
double lr = 20.0;
var sgd = optim.SGD(parameters, lr);
double bestValid = double.PositiveInfinity;

for (int epoch = 1; epoch <= epochs; epoch++)
{
    // Hidden state carried across chunks: chunk k continues where chunk k - 1 stopped.
    Tensor hidden = torch.zeros(2, StreamsPerBatch, Hidden);
    double total = 0;
    int chunks = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var x = batch["x"].squeeze(0);
        var y = batch["y"].squeeze(0);
        hidden = hidden.detach();
        var (output, hN) = gru.call(embed.call(x), hidden);
        var logits = head.call(output);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, Vocab), y.reshape(-1));
        sgd.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(parameters, 0.25);
        sgd.step();
        hidden = hN.MoveToOuterDisposeScope();
        total += loss.item<float>();
        chunks++;
    }

    double validLoss = Evaluate();
    Console.WriteLine($"| epoch {epoch} | train ppl {Math.Exp(total / chunks):F2} | valid ppl {Math.Exp(validLoss):F2}");
    if (validLoss < bestValid) bestValid = validLoss;
    else
    {
        lr /= 4.0; // anneal as in the PyTorch example
        foreach (var g in sgd.ParamGroups) g.LearningRate = lr;
    }
}

double Evaluate()
{
    using var noGrad = torch.no_grad();
    Tensor h = torch.zeros(2, 10, Hidden);
    double sum = 0;
    long n = 0;
    foreach (var batch in valid)
    {
        using var scope = torch.NewDisposeScope();
        var (output, hN) = gru.call(embed.call(batch["x"].squeeze(0)), h);
        var loss = nn.functional.cross_entropy(head.call(output).reshape(-1, Vocab), batch["y"].squeeze(0).reshape(-1));
        h = hN.MoveToOuterDisposeScope();
        sum += loss.item<float>();
        n++;
    }
    return sum / Math.Max(n, 1);
}

static class BpttLm
{
    public static long[] ReadIds(string path) =>
        File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();

    public static InMemoryDataset Chunks(long[] ids, int streams, int bptt)
    {
        long perStream = ids.Length / streams;
        var data = torch.tensor(ids).narrow(0, 0, perStream * streams).view(streams, perStream).t().contiguous(); // [T, streams]
        var xs = new List<Tensor>();
        var ys = new List<Tensor>();
        for (long i = 0; i + bptt + 1 <= perStream; i += bptt)
        {
            xs.Add(data.narrow(0, i, bptt));
            ys.Add(data.narrow(0, i + 1, bptt));
        }
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.stack(xs), ["y"] = torch.stack(ys) });
    }
}

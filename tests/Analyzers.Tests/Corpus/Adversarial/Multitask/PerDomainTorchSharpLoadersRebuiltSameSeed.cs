// Scenario: multi-domain sentiment training keeps one data set per product domain in a Dictionary and, every epoch, builds a fresh TorchSharp DataLoader per domain with shuffle: true and the same fixed seed, so each domain is read in the same order every epoch (wrong: CMP003 on the creation).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 10;
const int seed = 1234;

string[] domainNames = ["books", "dvd", "electronics", "kitchen"];
var domains = new Dictionary<string, torch.utils.data.Dataset>();
foreach (var name in domainNames)
    domains[name] = new ReviewDataset($"data/amazon-reviews/{name}");

// shared bag-of-words encoder, one sentiment head per domain
var encoder = nn.Sequential(nn.Linear(5000, 512), nn.ReLU(), nn.Dropout(0.3), nn.Linear(512, 128), nn.ReLU());
var heads = domainNames.ToDictionary(d => d, d => nn.Linear(128, 2));
var parameters = encoder.parameters().Concat(heads.Values.SelectMany(h => h.parameters()));
var optimizer = optim.Adam(parameters, 5e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var (domain, data) in domains)
    {
        // rebuilt per domain so only one loader's batches are alive at a time
        using var loader = new DataLoader(data, 50, shuffle: true, seed: seed, disposeDataset: false); //! CMP003
        double total = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var logits = heads[domain].call(encoder.call(batch["bow"]));
            var loss = nn.functional.cross_entropy(logits, batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        Console.WriteLine($"epoch {epoch} {domain,-12} loss {total / steps:F4}");
    }
}

foreach (var data in domains.Values) data.Dispose();

sealed class ReviewDataset : torch.utils.data.Dataset
{
    private readonly Tensor _bow;
    private readonly Tensor _labels;

    public ReviewDataset(string folder)
    {
        _bow = torch.load(Path.Combine(folder, "bow.pt"));        // [N, 5000] float
        _labels = torch.load(Path.Combine(folder, "labels.pt"));  // [N] int64
    }

    public override long Count => _labels.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index) => new()
    {
        ["bow"] = _bow[index],
        ["label"] = _labels[index],
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _bow.Dispose(); _labels.Dispose(); }
        base.Dispose(disposing);
    }
}

// Scenario: progressive resizing that builds a TorchSharp DataLoader per resolution stage (seed 500 + stage) and trains several epochs on each — wrong, the epochs of a stage share one order (CMP003).
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
(int Size, int Epochs)[] stages = [(64, 4), (96, 4), (128, 6)];
var normalize = new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

// Fully convolutional, so any input size works.
var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("conv3", nn.Conv2d(64, 128, 3, stride: 2, padding: 1)), ("relu3", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(128, 10))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);

for (int stage = 0; stage < stages.Length; stage++)
{
    var (size, stageEpochs) = stages[stage];
    var folder = new ImageFolder("data/imagenette/train", new Compose(new Resize(size + size / 8), new RandomCrop(size), new RandomHorizontalFlip(), normalize));
    using var loader = new DataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, 128 * 64 / size, (items, dev) => ImageFolder.Collate(items.ToList(), dev), shuffle: true, device: device, seed: 500 + stage); //! CMP003

    for (int epoch = 0; epoch < stageEpochs; epoch++)
    {
        model.train();
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine($"{size}px, epoch {epoch + 1}/{stageEpochs}");
    }
}

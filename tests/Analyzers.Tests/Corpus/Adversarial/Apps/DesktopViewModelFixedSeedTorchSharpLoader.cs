// Scenario: an MVVM desktop view model builds a TorchSharp DataLoader with shuffle: true and a fixed seed in its constructor, then its Train command runs epochs over it on Task.Run — wrong, CMP003 at the creation (every epoch replays one order).
using System.ComponentModel;
using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DigitPad.ViewModels;

public sealed class DigitNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1 = nn.Conv2d(1, 16, 3, padding: 1);
    private readonly Conv2d _conv2 = nn.Conv2d(16, 32, 3, padding: 1);
    private readonly Linear _head = nn.Linear(32 * 7 * 7, 10);

    public DigitNet() : base(nameof(DigitNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = nn.functional.max_pool2d(nn.functional.relu(_conv1.forward(x)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(_conv2.forward(x)), 2);
        return _head.forward(x.flatten(1));
    }
}

public sealed class TrainingViewModel : INotifyPropertyChanged
{
    private const int BatchSize = 32;

    private readonly torch.utils.data.Dataset _dataset;
    private readonly DataLoader _loader;
    private readonly DigitNet _model = new();
    private string _status = "Ready";
    private double _progress;
    private bool _isBusy;

    public TrainingViewModel(torch.utils.data.Dataset drawnDigits)
    {
        _dataset = drawnDigits;
        // fixed seed so that "Train" gives the same model on every machine
        _loader = new DataLoader(_dataset, BatchSize, shuffle: true, seed: 1234); //! CMP003
    }

    public event PropertyChangedEventHandler? PropertyChanged;

    public int Epochs { get; set; } = 15;

    public string Status { get => _status; private set => Set(ref _status, value); }

    public double Progress { get => _progress; private set => Set(ref _progress, value); }

    public bool IsBusy { get => _isBusy; private set => Set(ref _isBusy, value); }

    // Bound to the "Train" button.
    public async Task TrainAsync()
    {
        if (IsBusy) return;
        IsBusy = true;
        var ui = SynchronizationContext.Current;
        try
        {
            await Task.Run(() =>
            {
                var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
                for (int epoch = 0; epoch < Epochs; epoch++)
                {
                    double sum = 0;
                    long steps = 0;
                    foreach (var batch in _loader)
                    {
                        using var scope = NewDisposeScope();
                        var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                        sum += loss.item<float>();
                        steps++;
                    }

                    var text = $"Epoch {epoch + 1}/{Epochs}: loss {sum / Math.Max(steps, 1):F3}";
                    var done = (epoch + 1) / (double)Epochs;
                    if (ui is null) { Status = text; Progress = done; }
                    else ui.Post(_ => { Status = text; Progress = done; }, null);
                }
            });
        }
        finally
        {
            IsBusy = false;
        }
    }

    private void Set<T>(ref T field, T value, [CallerMemberName] string? name = null)
    {
        if (EqualityComparer<T>.Default.Equals(field, value)) return;
        field = value;
        PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(name));
    }
}
